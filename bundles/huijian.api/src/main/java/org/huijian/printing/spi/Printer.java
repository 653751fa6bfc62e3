package org.huijian.printing.spi;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One printer (one print queue) the centre can print on. Drivers register one service per configured printer.
 *
 * <p>Implementations must be thread-safe; calls block on the network and must give up after the driver's configured
 * timeouts rather than hang.
 */
@ConsumerType
public interface Printer {

    /** Service property carrying {@link #id()}, so consumers can filter, e.g. {@code (huijian.printer.id=room-3)}. */
    String PROP_ID = "huijian.printer.id";

    /** Service property carrying {@link #terminal()} when the printer stands beside a terminal; absent when shared. */
    String PROP_TERMINAL = "huijian.printer.terminal";

    /** Stable identifier of this printer within the site, e.g. {@code room-3-laser}; unique among Printer services. */
    String id();

    /** Name shown to people, e.g. {@code 会见室3 打印机}. */
    String displayName();

    /**
     * The id of the terminal this printer stands beside (a lawyer terminal in a meeting room, say), or empty when the
     * printer is shared by the whole centre.
     */
    Optional<String> terminal();

    /**
     * Whether the printer can take a job now, as far as the driver can tell cheaply (e.g. the queue exists, accepts
     * jobs and is not stopped). Never throws; an unreachable printer is simply not available. May block for at most
     * the driver's connect timeout.
     */
    boolean available();

    /**
     * Sends a document to the printer.
     *
     * @param document what to print; drivers must support {@code application/pdf} and may refuse any other type with
     *            reason {@link PrintException#UNSUPPORTED_FORMAT}
     * @return the job as the printer accepted it, usually {@link PrintJobState#PENDING} or
     *         {@link PrintJobState#PROCESSING}; its {@link PrintJob#jobId()} is what {@link #status(String)} takes
     * @throws PrintException when the printer cannot be reached, refuses the job or the document
     */
    PrintJob print(PrintDocument document) throws PrintException;

    /**
     * The current state of a job this printer accepted.
     *
     * @param jobId a {@link PrintJob#jobId()} returned by {@link #print(PrintDocument)} of this printer
     * @throws PrintException with reason {@link PrintException#NOT_FOUND} when the printer does not know the job (any
     *             more), or when the printer cannot be reached
     */
    PrintJob status(String jobId) throws PrintException;
}
