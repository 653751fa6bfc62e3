package org.huijian.directory;

/**
 * How to import a CSV file of detainees and their cases.
 *
 * @param fileName the file's name as the user chose it, for the audit log and messages; may be null
 * @param mode what to do with detainees already on file; null means {@link ImportMode#CREATE}
 * @param dryRun check everything and count what would change, but store nothing and audit nothing
 */
public record ImportOptions(String fileName, ImportMode mode, boolean dryRun) {
    public ImportOptions {
        mode = mode == null ? ImportMode.CREATE : mode;
    }
}
