package org.huijian.directory;

/** What an import does with a row whose detainee code is already on file in the detention centre. */
public enum ImportMode {
    /**
     * Only new detainees: a code already on file is an error of that row, and nothing is imported. The
     * default, so that a file imported twice changes nothing.
     */
    CREATE,
    /**
     * New detainees are created; a detainee already on file is updated from the row (a blank optional cell
     * keeps the stored value), and the row's case is added to it, or updates its case with the same number.
     */
    CREATE_OR_UPDATE
}
