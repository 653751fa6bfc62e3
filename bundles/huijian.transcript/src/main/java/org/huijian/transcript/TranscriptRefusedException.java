package org.huijian.transcript;

import org.huijian.core.RefusedException;

/**
 * A rule of the transcript's life refused the action (HTTP 409 with the {@code rule}); nothing changed. Rules:
 * {@code not-draft}, {@code not-submitted}, {@code not-signed}, {@code empty}, {@code meeting-over},
 * {@code no-printer}, {@code printer-failed}, {@code pad-failed}, {@code seal-failed}.
 */
public class TranscriptRefusedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public TranscriptRefusedException(String rule, String message) {
        super(rule, message);
    }
}
