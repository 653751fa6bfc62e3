package org.huijian.driver.simpad.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Random;
import org.huijian.transcript.SignatureInput;
import org.huijian.transcript.Stroke;
import org.huijian.transcript.StrokePoint;
import org.junit.jupiter.api.Test;

class SimulatedPadTest {

    static SimPadConfig config(boolean available, long seed) {
        return new SimPadConfig() {
            @Override public Class<? extends Annotation> annotationType() { return SimPadConfig.class; }
            @Override public String id() { return "pad-1"; }
            @Override public String terminal() { return "GZ-KSS1-D01"; }
            @Override public int width() { return 800; }
            @Override public int height() { return 300; }
            @Override public int characters() { return 3; }
            @Override public int signMillis() { return 50; }
            @Override public long seed() { return seed; }
            @Override public boolean available() { return available; }
        };
    }

    @Test
    void signsWithPlausibleStrokesInsideThePad() throws IOException {
        SignatureInput s = new SimulatedPad(config(true, 42)).capture("请签名", Duration.ofSeconds(5));
        assertEquals(800, s.width());
        assertTrue(s.strokes().size() >= 6, "two or more strokes a character");
        long last = -1;
        for (Stroke stroke : s.strokes()) {
            assertTrue(stroke.points().size() >= 25);
            for (StrokePoint p : stroke.points()) {
                assertTrue(p.x() >= 0 && p.x() <= 800 && p.y() >= 0 && p.y() <= 300, p.toString());
                assertTrue(p.p() > 0 && p.p() <= 1);
                assertTrue(p.t() >= last, "time never goes back");
                last = p.t();
            }
        }
        assertTrue(last > 500 && last < 30_000, "a signature takes a human time: " + last + " ms");
        double minP = s.strokes().stream().flatMap(x -> x.points().stream()).mapToDouble(StrokePoint::p).min().orElse(0);
        double maxP = s.strokes().stream().flatMap(x -> x.points().stream()).mapToDouble(StrokePoint::p).max().orElse(0);
        assertTrue(maxP - minP > 0.3, "pressure varies along a stroke");
    }

    @Test
    void theSameSeedSignsAlikeAnotherDoesNot() {
        SimulatedPad pad = new SimulatedPad(config(true, 1));
        assertEquals(pad.strokes(new Random(7)), pad.strokes(new Random(7)));
        assertNotEquals(pad.strokes(new Random(7)), pad.strokes(new Random(8)));
    }

    @Test
    void anUnpluggedPadOrATooShortWaitFails() {
        assertFalse(new SimulatedPad(config(false, 1)).available());
        assertThrows(IOException.class, () -> new SimulatedPad(config(false, 1)).capture("x", Duration.ofSeconds(5)));
        assertThrows(IOException.class, () -> new SimulatedPad(config(true, 1)).capture("x", Duration.ofMillis(10)));
    }
}
