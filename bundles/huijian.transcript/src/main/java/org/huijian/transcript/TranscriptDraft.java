package org.huijian.transcript;

import java.util.List;

/** What the lawyer saves: the version it is based on, the recorder and the turns. */
public record TranscriptDraft(long version, String recorder, List<Turn> turns) {
    public TranscriptDraft {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }
}
