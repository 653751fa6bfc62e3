package org.huijian.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's media bridge. Each party of a meeting connects its browser to the bridge ({@link #join}); the bridge
 * relays what one party sends to the other without decoding, records each party's video (never audio), and feeds
 * supervisors' consoles the video they watch ({@link #watch}). Offers and answers are SDP, exchanged over the
 * meeting's signalling.
 */
@ProviderType
public interface MediaBridge {
    /** The lawyer's side of a meeting. */
    String LAWYER = "lawyer";
    /** The detainee's side of a meeting. */
    String DETAINEE = "detainee";

    /**
     * A party's browser joins (or re-joins, replacing its earlier connection) the meeting's media with this offer.
     *
     * @return the bridge's answer
     * @throws IllegalArgumentException when the offer cannot be used (no ICE credentials, no DTLS fingerprint, no
     *         Opus or VP8)
     * @throws IllegalStateException when the bridge cannot take another leg (no port, too many meetings)
     */
    String join(long meetingId, String party, String offerSdp);

    /**
     * A console watches one party's video. The answer carries video only, whatever the offer asked for.
     *
     * @param watcher the console's id on the signalling, so that it can stop watching
     */
    String watch(long meetingId, String party, String watcher, String offerSdp);

    /** A console stops watching (all parties of the meeting). */
    void unwatch(long meetingId, String watcher);

    /** The meeting is over: its legs close and its recordings are finished. */
    void end(long meetingId);

    /**
     * Whether the site lets a meeting go on peer-to-peer, unrecorded, when the bridge cannot take it (else the call
     * does not start).
     */
    boolean unrecordedAllowed();

    /** What the bridge carries now. */
    Channels channels();

    /** The recordings of a meeting, finished or still being written. */
    List<Recording> recordings(long meetingId);

    /** The file of one recording, for playback. */
    Path file(long meetingId, String party) throws IOException;
}
