package org.huijian.store.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huijian.audit.AuditEvent;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.directory.Case;
import org.huijian.directory.CaseStage;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.DirectoryService;
import org.huijian.directory.Gender;
import org.huijian.directory.ImportError;
import org.huijian.directory.ImportMode;
import org.huijian.directory.ImportOptions;
import org.huijian.directory.ImportRejectedException;
import org.huijian.directory.ImportResult;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV import of detainees and cases on a real Derby database, with real files. */
class DetaineeImportTest {
    static final Actor ADMIN = new Actor("admin", Set.of(Role.SITE_ADMIN), "test");
    static final String HEADER_ZH = "监所编号,姓名,性别,出生日期,入所日期,案件编号,涉嫌罪名,诉讼阶段,办案机关,需办案机关许可,需要翻译\n";
    static final String HEADER_EN = "code,name,gender,birthDate,admittedOn,caseNo,charge,stage,handlingAuthority,"
            + "approvalRequired,interpreterNeeded\n";

    @TempDir
    Path dir;
    TestDb t;
    JpaDirectoryService directory;
    JpaAuditLog audit;
    DetentionCentre dc;
    DetentionCentre other;

    @BeforeEach
    void open() throws SQLException {
        t = new TestDb(dir);
        JpaSiteService site = new JpaSiteService(t.db);
        directory = new JpaDirectoryService(t.db);
        audit = new JpaAuditLog(t.db);
        dc = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KSS1", "广州市第一看守所", null, null));
        other = site.createDetentionCentre(ADMIN, new DetentionCentreSpec("GZ-KSS2", "广州市第二看守所", null, null));
    }

    @AfterEach
    void close() {
        t.close();
    }

    private ImportResult run(byte[] file, ImportMode mode, boolean dryRun) {
        return directory.importDetainees(ADMIN, dc.id(), new ByteArrayInputStream(file),
                new ImportOptions("在押人员.csv", mode, dryRun));
    }

    private ImportResult run(String text) {
        return run(text.getBytes(UTF_8), ImportMode.CREATE, false);
    }

    private ImportRejectedException rejected(byte[] file, ImportMode mode) {
        return assertThrows(ImportRejectedException.class, () -> run(file, mode, false));
    }

    private ImportRejectedException rejected(String text) {
        return rejected(text.getBytes(UTF_8), ImportMode.CREATE);
    }

    /** Each problem as "line|column|field|message", as the user would read it. */
    private static List<String> problems(ImportRejectedException e) {
        return e.errors().stream().map(x -> x.line() + "|" + x.column() + "|" + x.field() + "|" + x.message()).toList();
    }

    private Detainee detainee(String code) {
        return directory.detainees(dc.id()).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    /** The database as a reader sees it: detainees of both detention centres, their cases, audit events. */
    private String state() {
        StringBuilder sb = new StringBuilder();
        for (DetentionCentre d : List.of(dc, other)) {
            for (Detainee x : directory.detainees(d.id())) {
                sb.append(x).append(directory.cases(x.id())).append('\n');
            }
        }
        return sb.append(audit.latest(null, 1000).size()).toString();
    }

    @Test
    void goodFileStoresDetaineesAndCasesInOneAuditedImport() {
        long eventsBefore = audit.latest(null, 1000).size();
        String file = HEADER_ZH
                + "YK-2026-0312,张伟明,男,1971-04-16,2026-06-11,穗公天刑立字〔2026〕01234号,诈骗罪,侦查,广州市公安局天河区分局,否,否\n"
                + "YK-2026-0312,张伟明,男,1971-04-16,2026-06-11,穗天检刑诉〔2026〕1045号,洗钱罪,审查起诉,天河区人民检察院,,\n"
                + "YK-2026-0587,郭春华,女,1983/9/2,2026年10月21日,穗国安刑立字〔2026〕00017号,间谍罪,INVESTIGATION,广州市国家安全局,是,\n"
                + "\n"
                + "YK-2026-0600,Ahmed Karim,M,19900101,2026.11.3,穗公白刑立字〔2026〕00555号,贩卖毒品罪,审判,,no,是\n"
                + "YK-2026-0601,李娜,FEMALE,,,,,,,,\n"
                + ",,,,,,,,,,\n";
        ImportResult r = run(file);
        assertEquals(5, r.rows(), "blank rows are skipped and not counted");
        assertEquals(4, r.detaineesCreated());
        assertEquals(4, r.casesCreated());
        assertEquals(0, r.detaineesUpdated() + r.detaineesUnchanged() + r.casesUpdated() + r.casesUnchanged());
        assertEquals("UTF-8", r.encoding());
        assertEquals("在押人员.csv", r.fileName());
        assertEquals(false, r.dryRun());
        assertEquals(64, r.sha256().length());

        Detainee zhang = detainee("YK-2026-0312");
        assertEquals(new Detainee(zhang.id(), dc.id(), "YK-2026-0312", "张伟明", Gender.MALE, LocalDate.of(1971, 4, 16),
                LocalDate.of(2026, 6, 11)), zhang);
        List<Case> cases = directory.cases(zhang.id());
        assertEquals(List.of("穗公天刑立字〔2026〕01234号", "穗天检刑诉〔2026〕1045号"), cases.stream().map(Case::caseNo).toList());
        assertEquals(CaseStage.PROSECUTION_REVIEW, cases.get(1).stage());
        assertEquals("天河区人民检察院", cases.get(1).handlingAuthority());

        Detainee guo = detainee("YK-2026-0587");
        assertEquals(Gender.FEMALE, guo.gender());
        assertEquals(LocalDate.of(1983, 9, 2), guo.birthDate());
        assertEquals(LocalDate.of(2026, 10, 21), guo.admittedOn());
        Case spy = directory.cases(guo.id()).get(0);
        assertEquals(CaseStage.INVESTIGATION, spy.stage());
        assertTrue(spy.approvalRequired());
        assertTrue(!spy.interpreterNeeded());

        Detainee ahmed = detainee("YK-2026-0600");
        assertEquals(LocalDate.of(1990, 1, 1), ahmed.birthDate());
        assertEquals(LocalDate.of(2026, 11, 3), ahmed.admittedOn());
        Case drugs = directory.cases(ahmed.id()).get(0);
        assertEquals(CaseStage.TRIAL, drugs.stage());
        assertNull(drugs.handlingAuthority());
        assertTrue(drugs.interpreterNeeded() && !drugs.approvalRequired());

        Detainee li = detainee("YK-2026-0601");
        assertNull(li.birthDate());
        assertEquals(List.of(), directory.cases(li.id()), "a row without case cells has no case");
        assertEquals(List.of(), directory.detainees(other.id()), "only the chosen detention centre");

        List<AuditEvent> events = audit.latest(null, 1000);
        assertEquals(eventsBefore + 1, events.size(), "one audit event for the whole import");
        AuditEvent e = events.get(0);
        assertEquals("detainee.import", e.action());
        assertEquals("detention-centre:GZ-KSS1", e.target());
        assertEquals("admin", e.actor());
        assertTrue(e.detail().startsWith("在押人员.csv (UTF-8, sha256 " + r.sha256() + "): 5 rows, mode CREATE; "
                + "detainees 4 created, 0 updated, 0 unchanged; cases 4 created"), e.detail());
        assertTrue(audit.verify().intact());
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsLineAndColumnAndNothingIsStored() {
        LocalDate today = LocalDate.now();
        String before = state();
        String file = HEADER_ZH
                + "OK-1,好人,男,1980-01-01,2026-01-01,A1,盗窃罪,侦查,,,\n"                       // 2: fine
                + "OK-2,,男,,,,,,,,\n"                                                        // 3: name missing
                + "OK-3,王五,未知,,,,,,,,\n"                                                   // 4: gender unknown
                + "OK 4,王六,女,1980-02-30,,,,,,,\n"                                           // 5: code, birth date
                + "OK-5,王七,女,," + today.plusDays(1) + ",,,,,,\n"                          // 6: admitted in future
                + "OK-6,王八,男," + today.minusYears(5) + ",,,,,,,\n"                        // 7: too young
                + "OK-7," + "长".repeat(51) + ",男,,,,,,,,\n"                                   // 8: name too long
                + "OK-8,赵九,男,,,B1,,起诉,,,\n"                                                // 9: charge missing, stage
                + "OK-9,钱十,男,,,C1,抢劫罪,侦查,,也许,\n"                                        // 10: yes/no
                + "OK-10,孙一,男,,,,盗窃罪,,,,\n"                                                // 11: case without number
                + "OK-11,周二,男,,,,,,,,,extra\n"                                              // 12: too many fields
                + "OK-12,\"吴\n三\",男,,,,,,,,\n"                                               // 13-14: control chars
                + "OK-13,郑四,男,1990-01-01,1989-12-31,,,,,,\n"                                // 15: admitted before birth
                + ",冯五,男,,,,,,,,\n";                                                        // 16: code missing
        ImportRejectedException e = rejected(file);
        assertEquals(List.of(
                "3|姓名|name|is required",
                "4|性别|gender|\"未知\" is not a gender; write 男 or 女 (MALE or FEMALE)",
                "5|出生日期|birthDate|\"1980-02-30\" is not a date like 2026-03-05 or 2026/3/5",
                "5|监所编号|code|must be 1 to 32 letters, digits or '-'",
                "6|入所日期|admittedOn|must not be in the future",
                "7|出生日期|birthDate|must be at least 12 years ago",
                "8|姓名|name|is 51 characters long; at most 50 allowed",
                "9|诉讼阶段|stage|\"起诉\" is not a stage; write 侦查, 审查起诉 or 审判 (INVESTIGATION, PROSECUTION_REVIEW or TRIAL)",
                "9|涉嫌罪名|charge|is required",
                "10|需办案机关许可|approvalRequired|\"也许\" is not yes or no; write 是 or 否",
                "11|案件编号|caseNo|is required",
                "11|诉讼阶段|stage|is required",
                "12|null|null|has 12 fields but the header has 11; put a field with a comma in double quotes",
                "13|姓名|name|contains control characters",
                "15|入所日期|admittedOn|must not be before the date of birth",
                "16|监所编号|code|is required"), problems(e));
        assertEquals(16, e.errorCount());
        assertEquals("invalid-input", e.type(), "answered as 400 over REST");
        assertTrue(e.getMessage().startsWith("the file has 16 problems; nothing was imported: line 3 name: is required"),
                e.getMessage());
        assertEquals("line 3 name", e.violations().get(0).field());
        assertEquals(before, state(), "nothing stored, nothing audited");
    }

    @Test
    void singleEntryKeepsTheSameRules() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> directory.createDetainee(ADMIN,
                new DetaineeSpec(dc.id(), "X-1", "某人", Gender.MALE, LocalDate.of(1990, 1, 1), LocalDate.of(1980, 1, 1))));
        assertEquals("admittedOn: must not be before the date of birth", e.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> directory.createDetainee(ADMIN,
                new DetaineeSpec(null, null, null, null, null, null)));
        assertEquals(List.of("detentionCentreId", "code", "name", "gender"),
                none.violations().stream().map(InvalidInputException.Violation::field).toList());
    }

    @Test
    void duplicatesInTheFileAreRefused() {
        String before = state();
        String file = HEADER_EN
                + "D-1,甲,男,,,,,,,,\n"             // 2
                + "D-1,甲,男,,,,,,,,\n"             // 3: same code, no case
                + "D-2,乙,男,,,K-1,盗窃罪,侦查,,,\n"  // 4
                + "D-2,乙,女,,,K-2,盗窃罪,侦查,,,\n"  // 5: same code, other gender
                + "D-3,丙,男,,,K-1,盗窃罪,侦查,,,\n"  // 6: same case number, other detainee: co-accused, fine
                + "D-3,丙,男,,,K-1,抢劫罪,审判,,,\n"; // 7: same case of the same detainee
        ImportRejectedException e = rejected(file);
        assertEquals(List.of(
                "3|code|code|D-1 is already on line 2; a detainee with several cases takes one row per case",
                "5|gender|gender|differs from line 4, which has the same code D-2",
                "7|caseNo|caseNo|case K-1 of D-3 is already on line 6"), problems(e));
        assertEquals(before, state());
    }

    @Test
    void detaineesOnFileAreRefusedUnlessUpdating() {
        run(HEADER_ZH + "U-1,旧名,男,1980-01-01,2026-01-01,K-1,盗窃罪,侦查,天河分局,否,否\n"
                + "U-2,不变,女,1985-01-01,,,,,,,\n");
        long u1 = detainee("U-1").id();
        String before = state();
        String again = HEADER_ZH + "N-1,新人,男,,,,,,,,\n" + "U-1,新名,男,,,K-2,抢劫罪,审查起诉,,,\n";
        ImportRejectedException e = rejected(again.getBytes(UTF_8), ImportMode.CREATE);
        assertEquals(List.of("3|监所编号|code|U-1 is already on file in this detention centre; import in update mode to "
                + "change it"), problems(e));
        assertEquals(before, state(), "not even N-1 is stored");

        String update = HEADER_ZH
                + "N-1,新人,男,,,,,,,,\n"                                          // new
                + "U-1,新名,男,,,K-1,盗窃罪,审查起诉,,,是\n"                          // renamed; K-1 moves on
                + "U-1,新名,男,,,K-2,抢劫罪,侦查,白云分局,是,\n"                       // and a new case
                + "U-2,不变,女,,,,,,,,\n";                                          // nothing changes
        ImportResult r = run(update.getBytes(UTF_8), ImportMode.CREATE_OR_UPDATE, false);
        assertEquals(List.of(1, 1, 1, 1, 1, 0), List.of(r.detaineesCreated(), r.detaineesUpdated(),
                r.detaineesUnchanged(), r.casesCreated(), r.casesUpdated(), r.casesUnchanged()));
        Detainee renamed = detainee("U-1");
        assertEquals(u1, renamed.id(), "the same detainee, updated");
        assertEquals("新名", renamed.name());
        assertEquals(LocalDate.of(1980, 1, 1), renamed.birthDate(), "a blank cell keeps the value on file");
        assertEquals(LocalDate.of(2026, 1, 1), renamed.admittedOn());
        List<Case> cases = directory.cases(u1);
        assertEquals(2, cases.size());
        Case k1 = cases.get(0);
        assertEquals(CaseStage.PROSECUTION_REVIEW, k1.stage());
        assertEquals("天河分局", k1.handlingAuthority(), "kept");
        assertTrue(k1.interpreterNeeded() && !k1.approvalRequired());
        assertEquals("白云分局", cases.get(1).handlingAuthority());
        assertEquals(LocalDate.of(1985, 1, 1), detainee("U-2").birthDate());

        ImportResult same = run(update.getBytes(UTF_8), ImportMode.CREATE_OR_UPDATE, false);
        assertEquals(List.of(0, 0, 3, 0, 0, 2), List.of(same.detaineesCreated(), same.detaineesUpdated(),
                same.detaineesUnchanged(), same.casesCreated(), same.casesUpdated(), same.casesUnchanged()),
                "importing the same file again changes nothing");
        assertTrue(audit.latest("detainee.import", 1).get(0).detail().contains("detainees 0 created, 0 updated, 3 unchanged"));
    }

    @Test
    void updatesAreCheckedWithTheValuesOnFile() {
        run(HEADER_ZH + "U-1,某人,男,1980-01-01,,,,,,,\n");
        String before = state();
        ImportRejectedException e = rejected((HEADER_ZH + "U-1,某人,男,,1979-01-01,,,,,,\n").getBytes(UTF_8),
                ImportMode.CREATE_OR_UPDATE);
        assertEquals(List.of("2|入所日期|admittedOn|must not be before the date of birth (with the value on file)"),
                problems(e));
        assertEquals(before, state());
    }

    @Test
    void gb18030FilesFromExcelAreRead() throws Exception {
        Path file = dir.resolve("excel-gbk.csv");
        String text = (HEADER_ZH + "G-1,欧阳娜娜,女,1990-01-01,2026-03-01,粤0106刑初1187号,盗窃罪,审判,天河区人民法院,否,否\r\n"
                + "G-2,𠀀字,男,,,,,,,,\r\n").replace("\n", "\r\n").replace("\r\r\n", "\r\n");
        Files.write(file, text.getBytes(Charset.forName("GB18030")));
        byte[] bytes = Files.readAllBytes(file);
        ImportResult r = run(bytes, ImportMode.CREATE, false);
        assertEquals("GB18030", r.encoding());
        assertEquals(2, r.detaineesCreated());
        assertEquals("欧阳娜娜", detainee("G-1").name());
        assertEquals("𠀀字", detainee("G-2").name(), "GB18030 has every Unicode character, also beyond GBK");
        assertEquals("天河区人民法院", directory.cases(detainee("G-1").id()).get(0).handlingAuthority());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeading() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = (HEADER_ZH + "B-1,李四,男,,,,,,,,\n").getBytes(UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(body, 0, file, 3, body.length);
        ImportResult r = run(file, ImportMode.CREATE, false);
        assertEquals("UTF-8", r.encoding());
        assertEquals("李四", detainee("B-1").name());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        String file = "\"code\",\"name\",\"gender\",caseNo,charge,stage,handlingAuthority\r\n"
                + "Q-1,\"Smith, John \"\"JJ\"\"\",M,\"（2026）粤0106刑初1187号\",\"盗窃罪, 诈骗罪\",TRIAL,\"广州市天河区人民法院,刑事审判庭\"\r\n"
                + "Q-2,\"王\n五\",男,,,,\r\n"
                + "Q-3,赵六,X,,,,\r\n";
        ImportRejectedException e = rejected(file);
        assertEquals(List.of("3|name|name|contains control characters",
                "5|gender|gender|\"X\" is not a gender; write 男 or 女 (MALE or FEMALE)"), problems(e),
                "the quoted line break counts: Q-3 is on line 5");
        ImportResult r = run(file.replace("Q-2,\"王\n五\",男,,,,\r\n", "").replace("Q-3,赵六,X", "Q-3,赵六,F"));
        assertEquals(2, r.rows());
        Detainee q1 = detainee("Q-1");
        assertEquals("Smith, John \"JJ\"", q1.name());
        Case c = directory.cases(q1.id()).get(0);
        assertEquals("盗窃罪, 诈骗罪", c.charge());
        assertEquals("广州市天河区人民法院,刑事审判庭", c.handlingAuthority());
    }

    @Test
    void aDryRunChecksAndCountsButStoresNothing() {
        String before = state();
        String file = HEADER_ZH + "R-1,甲,男,,,K-1,盗窃罪,侦查,,,\n" + "R-2,乙,女,,,,,,,,\n";
        ImportResult r = run(file.getBytes(UTF_8), ImportMode.CREATE, true);
        assertTrue(r.dryRun());
        assertEquals(List.of(2, 2, 1), List.of(r.rows(), r.detaineesCreated(), r.casesCreated()));
        assertEquals(before, state(), "nothing stored, nothing audited");
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> run((file + "R-2,乙,女,,,,,,,,\n").getBytes(UTF_8), ImportMode.CREATE, true));
        assertEquals(1, e.errorCount(), "a dry run reports problems just the same");
        assertEquals(2, run(file).detaineesCreated(), "and the real import then stores it");
    }

    @Test
    void largeFilesAreRefusedWithAClearReason() {
        String before = state();
        StringBuilder rows = new StringBuilder("code,name,gender\n");
        for (int i = 1; i <= DirectoryService.MAX_IMPORT_ROWS; i++) {
            rows.append("L-").append(i).append(",某人").append(i).append(",男\n");
        }
        ImportResult ok = run(rows.toString().getBytes(UTF_8), ImportMode.CREATE, true);
        assertEquals(DirectoryService.MAX_IMPORT_ROWS, ok.detaineesCreated(), "10,000 rows are fine");
        rows.append("\nL-10001,某人,男\n");
        ImportRejectedException tooMany = rejected(rows.toString());
        assertEquals(List.of("10003|null|null|the file has more than 10000 rows; split it into several files"),
                problems(tooMany));

        byte[] big = new byte[DirectoryService.MAX_IMPORT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        ImportRejectedException tooBig = rejected(big, ImportMode.CREATE);
        assertEquals(List.of("0|null|null|is larger than 5 MB; split it into several files"), problems(tooBig));
        assertEquals("file", tooBig.errors().get(0).where());
        assertEquals(before, state());
    }

    @Test
    void tenThousandRowsGoInAsOneTransaction() {
        StringBuilder file = new StringBuilder(HEADER_EN);
        for (int i = 1; i <= DirectoryService.MAX_IMPORT_ROWS; i++) {
            file.append("M-").append(i).append(",某人,女,1980-01-01,2026-01-01,K-").append(i).append(",盗窃罪,侦查,,,\n");
        }
        long start = System.nanoTime();
        ImportResult r = run(file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DirectoryService.MAX_IMPORT_ROWS, r.detaineesCreated());
        assertEquals(DirectoryService.MAX_IMPORT_ROWS, r.casesCreated());
        assertEquals(DirectoryService.MAX_IMPORT_ROWS, directory.detainees(dc.id()).size());
        assertTrue(millis < 60_000, "took " + millis + " ms");
        assertEquals(1, audit.latest("detainee.import", 10).size());
    }

    @Test
    void theFileAsAWholeMustBeACsvWithAKnownHeader() {
        String before = state();
        assertEquals(List.of("0|null|null|is empty; it needs a header row and at least one row below it"),
                problems(rejected("")));
        assertEquals(List.of("1|null|null|there are no rows below the header"), problems(rejected(HEADER_ZH + "\n,,\n")));
        assertEquals(List.of("1|颜色|null|is not a known column; the columns are 监所编号/code, 姓名/name, 性别/gender, "
                + "出生日期/birthDate, 入所日期/admittedOn, 案件编号/caseNo, 涉嫌罪名/charge, 诉讼阶段/stage, "
                + "办案机关/handlingAuthority, 需办案机关许可/approvalRequired, 需要翻译/interpreterNeeded",
                "1|null|gender|the column 性别 (gender) is missing"),
                problems(rejected("编号,姓名,颜色\nX-1,某人,红\n")));
        assertEquals(List.of("1|Name|name|names the same column as \"姓名\"",
                "1|null|charge|the column 涉嫌罪名 (charge) is missing; a file with cases needs 案件编号, 涉嫌罪名 and 诉讼阶段",
                "1|null|stage|the column 诉讼阶段 (stage) is missing; a file with cases needs 案件编号, 涉嫌罪名 and 诉讼阶段"),
                problems(rejected("CODE,姓名,Gender,Name,案号\nX-1,某人,男,某人,K\n")));
        assertTrue(problems(rejected("code;name;gender\nX-1;a;M\n")).get(0).endsWith("separate the columns with commas (,)"));
        assertEquals(List.of("2|null|null|the quoted field that starts on line 2 is never closed (a \" is missing)"),
                problems(rejected("code,name,gender\nX-1,\"某人,男\nX-2,某人,男\n")));
        byte[] xlsx = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 };
        assertTrue(problems(rejected(xlsx, ImportMode.CREATE)).get(0).startsWith("0|null|null|is an Excel workbook (.xlsx)"));
        byte[] utf16 = "\uFEFFcode,name,gender\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertTrue(problems(rejected(utf16, ImportMode.CREATE)).get(0).startsWith("0|null|null|is UTF-16 text"));
        byte[] binary = { 'c', 'o', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00 };
        assertTrue(problems(rejected(binary, ImportMode.CREATE)).get(0)
                .startsWith("0|null|null|is neither UTF-8 nor GB18030 (GBK) text"));
        assertEquals(before, state());
    }

    @Test
    void onlySiteAdministratorsImportAndOnlyIntoADetentionCentreThatExists() {
        String before = state();
        byte[] file = (HEADER_ZH + "A-1,某人,男,,,,,,,,\n").getBytes(UTF_8);
        for (Role role : List.of(Role.APPROVER, Role.SUPERVISOR, Role.AUDITOR, Role.INTEGRATION, Role.LAWYER)) {
            Actor actor = new Actor("x", Set.of(role), "test");
            assertThrows(AccessDeniedException.class, () -> directory.importDetainees(actor, dc.id(),
                    new ByteArrayInputStream(file), new ImportOptions("a.csv", ImportMode.CREATE, true)), role.id());
        }
        assertThrows(NotFoundException.class, () -> directory.importDetainees(ADMIN, 999_999,
                new ByteArrayInputStream(file), new ImportOptions("a.csv", ImportMode.CREATE, false)));
        assertEquals(before, state());
    }

    @Test
    void theFileNameIsCleanedForTheAuditLog() {
        assertEquals("名单.csv", JpaDirectoryService.fileName("C:\\Users\\admin\\Desktop\\名单.csv"));
        assertEquals("x.csv", JpaDirectoryService.fileName("/tmp/x.csv"));
        assertEquals("ab.csv", JpaDirectoryService.fileName("a\nb.csv"));
        assertNull(JpaDirectoryService.fileName("  "));
        assertEquals(100, JpaDirectoryService.fileName("长".repeat(300)).length());
        ImportResult r = directory.importDetainees(ADMIN, dc.id(),
                new ByteArrayInputStream((HEADER_ZH + "F-1,某人,男,,,,,,,,\n").getBytes(UTF_8)),
                new ImportOptions(null, null, false));
        assertEquals(ImportMode.CREATE, r.mode(), "create is the default mode");
        assertTrue(audit.latest("detainee.import", 1).get(0).detail().startsWith("unnamed file (UTF-8"));
    }

    @Test
    void atMostFiveHundredProblemsAreListedButAllAreCounted() {
        StringBuilder file = new StringBuilder("code,name,gender\n");
        for (int i = 0; i < 600; i++) {
            file.append("E-").append(i).append(",,\n");
        }
        ImportRejectedException e = rejected(file.toString());
        assertEquals(DirectoryService.MAX_IMPORT_ERRORS, e.errors().size());
        assertEquals(1200, e.errorCount());
        assertEquals(Integer.valueOf(1200), e.extensions().get("errorCount"));
        List<Integer> lines = e.errors().stream().map(ImportError::line).collect(Collectors.toList());
        assertEquals(lines.stream().sorted().toList(), lines, "in the order of the file");
    }

    /** The templates the web app offers for download (in huijian.web) import as they are. */
    @Test
    void theDownloadableTemplatesImport() throws Exception {
        Path templates = Path.of("../huijian.web/src/main/resources/static/templates");
        for (String name : List.of("detainee-import.csv", "detainee-import-en.csv")) {
            ImportResult r = run(Files.readAllBytes(templates.resolve(name)), ImportMode.CREATE, true);
            assertEquals(List.of(1, 1, 1), List.of(r.rows(), r.detaineesCreated(), r.casesCreated()), name);
        }
    }
}
