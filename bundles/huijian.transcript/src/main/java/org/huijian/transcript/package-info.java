/**
 * Meeting transcripts (会见笔录): written by the lawyer on the lawyer terminal, read and signed by the detainee on
 * the detainee terminal, sealed by the server as a signed PDF/A and printed. {@link
 * org.huijian.transcript.TranscriptService} is the service; everything it returns is an immutable record.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.transcript;
