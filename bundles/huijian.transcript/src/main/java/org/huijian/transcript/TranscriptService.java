package org.huijian.transcript;

import java.util.List;
import org.huijian.core.Actor;
import org.huijian.devices.TerminalIdentity;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Meeting transcripts (会见笔录). Every method takes who acts: a person ({@code terminal == null}) or a kiosk
 * terminal. The lawyer terminal of the meeting writes, submits, takes back and prints; the detainee terminal of the
 * meeting reads the submitted text and signs; supervisors, auditors and site administrators read (audited). Anyone
 * else is refused (403). Every change is stored in one transaction with its audit event.
 */
@ProviderType
public interface TranscriptService {

    /** The transcript of a meeting, created from the booking at the first read of the lawyer terminal. */
    Transcript transcript(Actor actor, TerminalIdentity terminal, long meetingId);

    /** Saves the lawyer's text (a draft only); refused with {@link StaleVersionException} on an old version. */
    Transcript save(Actor actor, TerminalIdentity terminal, long meetingId, TranscriptDraft draft);

    /** Freezes the draft and shows it to the detainee. */
    Transcript submit(Actor actor, TerminalIdentity terminal, long meetingId, long version);

    /** Takes a submitted transcript back to a draft (before it is signed). */
    Transcript withdraw(Actor actor, TerminalIdentity terminal, long meetingId, long version);

    /** The detainee signs the submitted transcript; the server then seals it (PDF/A, PAdES). */
    Transcript sign(Actor actor, TerminalIdentity terminal, long meetingId, long version, SignatureInput signature,
            String source);

    /** Asks a signature pad attached to the detainee terminal for the signature, then signs as {@link #sign}. */
    Transcript signWithPad(Actor actor, TerminalIdentity terminal, long meetingId, long version, String padId);

    /** Makes the sealed PDF again if sealing failed after signing (a missing font fixed, say). */
    Transcript seal(Actor actor, TerminalIdentity terminal, long meetingId);

    /** The sealed PDF (audited). */
    byte[] pdf(Actor actor, TerminalIdentity terminal, long meetingId);

    /** Sends the sealed PDF to the printer beside the lawyer terminal, or to a named one. */
    Transcript print(Actor actor, TerminalIdentity terminal, long meetingId, String printerId, int copies);

    /** The printers this reader may print to: those beside its terminal and the shared ones. */
    List<PrinterInfo> printers(Actor actor, TerminalIdentity terminal);

    /** Checks a PDF presented as a sealed transcript. Never throws for a bad file: it reports the problems. */
    TranscriptVerification verify(Actor actor, byte[] pdf);

    /** A printer as the terminal sees it. */
    record PrinterInfo(String id, String displayName, String terminal, boolean available) {
    }
}
