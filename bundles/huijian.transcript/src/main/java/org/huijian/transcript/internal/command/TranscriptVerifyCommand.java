package org.huijian.transcript.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.core.Actor;
import org.huijian.transcript.TranscriptVerification;
import org.huijian.transcript.internal.Transcripts;

/**
 * {@code huijian:transcript-verify <file|meetingId>}: checks a sealed transcript PDF (a file, or the one stored for a
 * meeting) — the server's PAdES signature over the whole file, the signer, and whether it is a stored transcript.
 * Fails (non-zero) with a one-line reason when it is not valid.
 */
@Service
@Command(scope = "huijian", name = "transcript-verify",
        description = "Verifies a sealed meeting transcript PDF (a file, or the stored one of a meeting id)")
public class TranscriptVerifyCommand implements Action {

    @Argument(index = 0, name = "fileOrMeetingId", required = true,
            description = "Path of a PDF file, or the id of a meeting whose stored transcript is checked")
    @Completion(FileCompleter.class)
    String target;

    @Reference(optional = true)
    Transcripts transcripts;

    @Override
    public Object execute() throws Exception {
        if (transcripts == null) {
            throw new IllegalStateException("the transcript service is not running");
        }
        byte[] pdf;
        Path file = Path.of(target);
        if (Files.isRegularFile(file)) {
            pdf = Files.readAllBytes(file);
        } else if (target.matches("\\d{1,18}")) {
            long meetingId = Long.parseLong(target);
            pdf = transcripts.storedPdf(meetingId).orElseThrow(() -> new IllegalArgumentException(
                    "meeting " + meetingId + " has no sealed transcript"));
        } else {
            throw new IllegalArgumentException("no file " + target + " and not a meeting id");
        }
        TranscriptVerification v = transcripts.verify(Actor.SYSTEM, pdf);
        ShellTable table = new ShellTable().noHeaders();
        table.column("Item");
        table.column("Value");
        table.addRow().addContent("Signature", v.valid() ? "valid" : "INVALID");
        table.addRow().addContent("Covers the whole file", v.coversWholeDocument() ? "yes" : "no");
        table.addRow().addContent("Signed by this server", v.signedByThisServer() ? "yes" : "no");
        table.addRow().addContent("Signer", v.signer() == null ? "" : v.signer());
        table.addRow().addContent("Signing time", v.signingTime() == null ? "" : v.signingTime().toString());
        table.addRow().addContent("Footer hash", v.footerHash() == null ? "" : v.footerHash());
        table.addRow().addContent("Stored transcript of meeting", v.meetingId() == null ? "none" : v.meetingId());
        table.addRow().addContent("SHA-256", v.sha256());
        for (String problem : v.problems()) {
            table.addRow().addContent("Problem", problem);
        }
        table.print(System.out);
        if (!v.valid()) {
            throw new IllegalStateException("the transcript does not verify: "
                    + (v.problems().isEmpty() ? "invalid signature" : v.problems().get(0)));
        }
        return null;
    }
}
