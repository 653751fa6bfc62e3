package org.huijian.media.internal.archive;

import java.time.Instant;
import java.util.List;
import org.huijian.core.ConflictException;
import org.huijian.media.Recording;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The register of recordings in the site database, with the meeting they belong to. A file is registered before
 * its first byte is written and sealed (end, size, frames, duration, SHA-256) when it is finished, so a row that is
 * still open after a restart names a file a stopped server left behind.
 */
@Component(service = RecordingArchive.class)
public class RecordingArchive {
    private final MediaUnit unit;

    @Activate
    public RecordingArchive(@Reference MediaUnit unit) {
        this.unit = unit;
    }

    /**
     * Registers the party's next recording of the meeting.
     *
     * @param firstFree the lowest part number whose file does not exist yet (files may outlive a wiped register)
     * @return its part number, from 1
     */
    public int register(long meetingId, String party, int firstFree, Instant startedAt) {
        for (int attempt = 1;; attempt++) {
            try {
                return insert(meetingId, party, firstFree, startedAt);
            } catch (ConflictException taken) { // the same part registered at the same moment: take the next one
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    private int insert(long meetingId, String party, int firstFree, Instant startedAt) {
        return unit.transact(em -> {
            Integer last = em.createNamedQuery("Recording.lastPart", Integer.class).setParameter("meetingId", meetingId)
                    .setParameter("party", party).getSingleResult();
            int part = Math.max(firstFree, last == null ? 1 : last + 1);
            em.persist(new RecordingEntity(meetingId, party, part, party + "-" + part + ".webm", startedAt));
            return part;
        });
    }

    /** Seals a finished (or, after a stop, abandoned) recording. */
    public void seal(long meetingId, String party, int part, Instant endedAt, long sizeBytes, long frames,
            long durationMs, String sha256, boolean interrupted) {
        unit.transact(em -> {
            RecordingEntity r = em.createNamedQuery("Recording.part", RecordingEntity.class)
                    .setParameter("meetingId", meetingId).setParameter("party", party).setParameter("part", part)
                    .getResultList().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no recording " + party + "-" + part + " of meeting "
                            + meetingId + " is registered"));
            r.seal(endedAt, sizeBytes, frames, durationMs, sha256, interrupted);
            return null;
        });
    }

    /** A meeting's recordings, by party and part. */
    public List<Recording> of(long meetingId) {
        return unit.read(em -> em.createNamedQuery("Recording.ofMeeting", RecordingEntity.class)
                .setParameter("meetingId", meetingId).getResultList().stream().map(RecordingEntity::toApi).toList());
    }

    /** Recordings that were never sealed. */
    public List<Recording> open() {
        return unit.read(em -> em.createNamedQuery("Recording.open", RecordingEntity.class).getResultList().stream()
                .map(RecordingEntity::toApi).toList());
    }

    /** The ids of the {@code count} most recent meetings that have recordings, newest first. */
    public List<Long> recentMeetings(int count) {
        return unit.read(em -> em.createNamedQuery("Recording.recentMeetings", Long.class).setMaxResults(count)
                .getResultList());
    }
}
