/** Telling people things: in the portal, by e-mail, by SMS. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.notify;
