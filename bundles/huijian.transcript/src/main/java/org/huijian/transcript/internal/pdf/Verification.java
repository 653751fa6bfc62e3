package org.huijian.transcript.internal.pdf;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking a signed transcript PDF.
 *
 * @param valid               the signature verifies (CMS signature and message digest), it covers the whole file,
 *                            and nothing else was found wrong; the signer may be any key (see signedByThisServer)
 * @param coversWholeDocument the signature's ByteRange spans the whole file except its own Contents
 * @param signedByThisServer  the signing certificate is this server's
 * @param signer              the signing certificate's subject common name, or null
 * @param signingTime         the claimed signing time (signature dictionary M), or null
 * @param footerHash          the content hash printed in the footer of every page, or null when absent or the pages
 *                            disagree; informative — the signature is the proof
 * @param problems            why it is not valid (empty when valid), one sentence each
 */
public record Verification(boolean valid, boolean coversWholeDocument, boolean signedByThisServer, String signer,
                           Instant signingTime, String footerHash, List<String> problems) {

    public Verification {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether the footer carries this content hash (e.g. the one recomputed from the stored transcript). */
    public boolean footerMatches(String contentHash) {
        return footerHash != null && footerHash.equalsIgnoreCase(contentHash);
    }
}
