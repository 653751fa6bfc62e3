package org.huijian.transcript;

/**
 * One question/answer turn: {@code speaker} is {@link #QUESTION} (问, the lawyer) or {@link #ANSWER} (答, the
 * detainee).
 */
public record Turn(String speaker, String text) {
    public static final String QUESTION = "Q";
    public static final String ANSWER = "A";
}
