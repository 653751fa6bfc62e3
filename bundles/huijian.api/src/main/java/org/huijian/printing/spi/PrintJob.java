package org.huijian.printing.spi;

/**
 * A print job as the printer reports it.
 *
 * @param printerId the {@link Printer#id()} of the printer that holds the job
 * @param jobId the printer's identifier of the job, to pass to {@link Printer#status(String)}
 * @param state where the job stands
 * @param message the printer's own words on the job (e.g. IPP job-state-reasons or job-printer-state-message), or
 *            empty; for people and logs, not for decisions
 */
public record PrintJob(String printerId, String jobId, PrintJobState state, String message) {

    /** Whether the job will not change any more. */
    public boolean finished() {
        return state.terminal();
    }
}
