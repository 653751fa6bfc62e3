package org.huijian.meeting;

/** The states of a live meeting: the detainee side gets ready (就位), the lawyer side connects (接通). */
public enum MeetingState {
    WAITING, DETAINEE_READY, CONNECTED, ENDED, TERMINATED
}
