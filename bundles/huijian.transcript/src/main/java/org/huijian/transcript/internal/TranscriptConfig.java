package org.huijian.transcript.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian transcript",
        description = "Meeting transcripts (会见笔录): limits, signature checks, the PDF font and the server's signing key")
public @interface TranscriptConfig {
    String PID = "org.huijian.transcript";

    @AttributeDefinition(description = "TrueType font with Chinese glyphs embedded in the PDF (.ttf or .ttc); "
            + "Debian's fonts-wqy-microhei")
    String fontFile() default "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    @AttributeDefinition(description = "PKCS#12 keystore of the server's signing key; created with a new EC P-256 "
            + "key when missing. Empty: ${karaf.data}/huijian/transcript/signing.p12")
    String keystore() default "";

    @AttributeDefinition(description = "File holding the keystore's password (created with the keystore). Empty: "
            + "${karaf.data}/huijian/transcript/signing.password")
    String passwordFile() default "";

    @AttributeDefinition(description = "Common name of the certificate made for a new signing key (the site's name)")
    String signerName() default "Huijian transcript seal";

    @AttributeDefinition(description = "Location written into each PDF signature (e.g. the centre's city)")
    String location() default "";

    @AttributeDefinition(description = "Time zone of the times printed in the transcript")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Closing statement printed above the signature")
    String closing() default "以上笔录我已阅读，与我所说相符。";

    @AttributeDefinition(description = "Most question/answer turns in a transcript")
    int maxTurns() default 1000;

    @AttributeDefinition(description = "Most characters in one turn")
    int maxTurnChars() default 20000;

    @AttributeDefinition(description = "Most characters in the whole text")
    int maxTextChars() default 200000;

    @AttributeDefinition(description = "Most strokes in a signature")
    int maxStrokes() default 200;

    @AttributeDefinition(description = "Most samples (points) in a signature, all strokes together")
    int maxPoints() default 20000;

    @AttributeDefinition(description = "Longest time from the first to the last sample of a signature, in seconds")
    int maxSignatureSeconds() default 300;

    @AttributeDefinition(description = "Largest PDF accepted for verification, in bytes")
    int maxPdfBytes() default 32 * 1024 * 1024;

    @AttributeDefinition(description = "Minutes after the meeting ended during which its terminals may still finish, "
            + "sign and print the transcript")
    int terminalGraceMinutes() default 60;

    @AttributeDefinition(description = "Seconds to wait for a signature on a server-side signature pad")
    int padTimeoutSeconds() default 120;
}
