/** For vendors: where lawyers are verified and where detainees' availability comes from. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.booking.spi;
