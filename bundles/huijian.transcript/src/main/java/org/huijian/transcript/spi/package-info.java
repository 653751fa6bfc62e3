/**
 * For vendors of signature pads (签字板): a driver bundle registers a {@link
 * org.huijian.transcript.spi.SignaturePad} service per pad. Methods added later come with defaults, so a driver
 * written against 1.0 keeps working within 1.x.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.transcript.spi;
