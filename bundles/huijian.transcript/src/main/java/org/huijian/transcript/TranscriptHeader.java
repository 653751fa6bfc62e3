package org.huijian.transcript;

/**
 * The transcript's header (笔录首部), filled from the booking and meeting when the transcript is created; only the
 * recorder (记录人) is edited by the lawyer.
 */
public record TranscriptHeader(String time, String place, String position, String lawyer, String recorder,
        String detainee, String detentionCentre, String caseNo, String bookingReference) {

    public TranscriptHeader withRecorder(String newRecorder) {
        return new TranscriptHeader(time, place, position, lawyer, newRecorder, detainee, detentionCentre, caseNo,
                bookingReference);
    }
}
