package org.huijian.media;

/**
 * What the bridge carries now (the channel count device management and licensing show).
 *
 * @param meetings meetings with media through the bridge
 * @param legs parties' connections
 * @param monitors consoles' video feeds
 * @param recordings recordings being written
 * @param audioToMonitors audio packets ever handed to a monitor or recorder: zero, by construction
 * @param dropped datagrams dropped since start (malformed, unauthenticated, from strangers)
 */
public record Channels(int meetings, int legs, int monitors, int recordings, long audioToMonitors, long dropped) {
}
