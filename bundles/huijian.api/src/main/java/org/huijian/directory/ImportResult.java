package org.huijian.directory;

/**
 * What an import did, or for a dry run what it would do. Every row is counted once as a detainee (a
 * detainee with several cases takes one row per case and is counted once) and, when it has a case, once as
 * a case.
 *
 * @param fileName the name given with the file (cleaned), or null
 * @param encoding how the file was read: {@code UTF-8} or {@code GB18030}
 * @param sha256 the SHA-256 of the file's bytes (hex), also in the audit log
 * @param dryRun nothing was stored
 * @param rows data rows read (blank rows are skipped and not counted)
 * @param detaineesUnchanged detainees on file whose row changed nothing ({@link ImportMode#CREATE_OR_UPDATE})
 * @param casesUnchanged cases on file whose row changed nothing ({@link ImportMode#CREATE_OR_UPDATE})
 */
public record ImportResult(String fileName, String encoding, String sha256, ImportMode mode, boolean dryRun,
        int rows, int detaineesCreated, int detaineesUpdated, int detaineesUnchanged, int casesCreated,
        int casesUpdated, int casesUnchanged) {
}
