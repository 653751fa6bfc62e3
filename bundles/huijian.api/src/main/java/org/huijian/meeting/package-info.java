/** Meetings (会见): the live session a booking becomes. */
@org.osgi.annotation.versioning.Version("3.0.0")
package org.huijian.meeting;
