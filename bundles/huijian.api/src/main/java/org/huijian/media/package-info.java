/**
 * The media bridge (feature {@code huijian-media}): every meeting's media relayed through the server, each party's
 * video recorded, supervisors' consoles fed video only.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.media;
