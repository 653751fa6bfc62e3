/**
 * For vendors: printers.
 *
 * <p>A {@link org.huijian.printing.spi.Printer} is one print queue the centre can send documents to, registered as
 * an OSGi service by a driver bundle (an IPP/CUPS driver, a simulated printer, a vendor's own). Consumers such as the
 * transcript pick a printer, usually the one standing beside a terminal ({@link org.huijian.printing.spi.Printer#terminal()}),
 * else a shared one, and send it a {@link org.huijian.printing.spi.PrintDocument}, normally a signed PDF. The answer is
 * a {@link org.huijian.printing.spi.PrintJob} whose state can be polled with
 * {@link org.huijian.printing.spi.Printer#status(String)}. Every failure is a
 * {@link org.huijian.printing.spi.PrintException} with a short machine-readable reason.
 *
 * <p>Drivers do not check roles or write the audit log: the caller does, before it prints.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.printing.spi;
