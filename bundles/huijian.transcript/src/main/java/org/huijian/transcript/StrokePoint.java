package org.huijian.transcript;

/**
 * One sample of a pen stroke: position in the pad's coordinate space (0..width, 0..height, y down), pressure 0..1
 * (0.5 when the device reports none) and time in milliseconds since the signature began.
 */
public record StrokePoint(double x, double y, double p, long t) {
}
