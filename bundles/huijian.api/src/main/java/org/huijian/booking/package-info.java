/** Bookings (预约): a reserved slot of a position and a detainee terminal. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.huijian.booking;
