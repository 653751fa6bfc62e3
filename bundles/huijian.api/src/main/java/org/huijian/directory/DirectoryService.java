package org.huijian.directory;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Law firms, lawyers, detainees and cases. Each change is one transaction and one audit event.
 * Errors as in {@link org.huijian.site.SiteService}.
 */
@ProviderType
public interface DirectoryService {

    /** The largest file {@link #importDetainees} reads: 5 MiB. */
    int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    /** The most data rows {@link #importDetainees} takes from one file. */
    int MAX_IMPORT_ROWS = 10_000;

    /** The most problems an {@link ImportRejectedException} lists (it counts them all). */
    int MAX_IMPORT_ERRORS = 500;

    List<LawFirm> lawFirms();

    LawFirm lawFirm(long id);

    LawFirm createLawFirm(Actor actor, LawFirmSpec spec);

    List<Lawyer> lawyers();

    Lawyer lawyer(long id);

    Optional<Lawyer> lawyerByLicence(String licenceNo);

    Lawyer createLawyer(Actor actor, LawyerSpec spec);

    List<Detainee> detainees(long detentionCentreId);

    Detainee detainee(long id);

    Detainee createDetainee(Actor actor, DetaineeSpec spec);

    List<Case> cases(long detaineeId);

    Case caseFile(long id);

    Case createCase(Actor actor, CaseSpec spec);

    /**
     * Imports detainees and their cases into a detention centre from a CSV file, all or nothing. One row is
     * one detainee and, optionally, one of their cases; a detainee with several cases takes one row per case
     * with the same detainee cells. The first row names the columns, in Chinese or English:
     *
     * <table>
     * <caption>Columns</caption>
     * <tr><th>field</th><th>中文</th><th>English</th><th></th></tr>
     * <tr><td>code</td><td>监所编号 (编号, 在押人员编号)</td><td>code</td><td>required</td></tr>
     * <tr><td>name</td><td>姓名</td><td>name</td><td>required</td></tr>
     * <tr><td>gender</td><td>性别</td><td>gender</td><td>required: 男/女, MALE/FEMALE, M/F</td></tr>
     * <tr><td>birthDate</td><td>出生日期</td><td>birthDate</td><td>2026-03-05, 2026/3/5, 2026.3.5, 20260305,
     * 2026年3月5日</td></tr>
     * <tr><td>admittedOn</td><td>入所日期</td><td>admittedOn</td><td>as birthDate</td></tr>
     * <tr><td>caseNo</td><td>案件编号 (案号)</td><td>caseNo</td><td rowspan="3">required when the row has a
     * case</td></tr>
     * <tr><td>charge</td><td>涉嫌罪名 (罪名)</td><td>charge</td></tr>
     * <tr><td>stage</td><td>诉讼阶段</td><td>stage</td></tr>
     * <tr><td>handlingAuthority</td><td>办案机关 (办案单位)</td><td>handlingAuthority</td><td></td></tr>
     * <tr><td>approvalRequired</td><td>需办案机关许可</td><td>approvalRequired</td><td>是/否, yes/no,
     * true/false, Y/N, 1/0; blank: no</td></tr>
     * <tr><td>interpreterNeeded</td><td>需要翻译</td><td>interpreterNeeded</td><td>as approvalRequired</td></tr>
     * </table>
     *
     * Stages are 侦查/审查起诉/审判 or {@link CaseStage} names. The file is RFC 4180 CSV (comma-separated, fields
     * with commas, quotes or line breaks in double quotes), in UTF-8 with or without a byte-order mark, or in
     * GB18030/GBK as Excel saves "CSV" on Chinese Windows (a file that is not valid UTF-8 is read as GB18030).
     * Blank rows are skipped.
     *
     * <p>Every row is checked first, by the rules of {@link #createDetainee} and {@link #createCase}, against
     * the other rows (the same code twice, or the same case twice) and against the detainees on file (see
     * {@link ImportMode}). When anything is wrong nothing is stored and {@link ImportRejectedException}
     * lists every problem with its line and column. Otherwise all rows are stored in one transaction with one
     * audit event ({@code detainee.import}) that counts them and names the file.
     *
     * @param csv the file's bytes; read up to {@link #MAX_IMPORT_BYTES} (a larger file is refused), not closed
     * @throws ImportRejectedException when the file or any row is wrong, or it has more than
     *         {@link #MAX_IMPORT_ROWS} rows; nothing was stored
     * @throws org.huijian.core.NotFoundException when there is no such detention centre
     * @throws org.huijian.core.AccessDeniedException when the actor may not create detainees (site-admin)
     */
    ImportResult importDetainees(Actor actor, long detentionCentreId, InputStream csv, ImportOptions options);
}
