/** Devices: terminals' own credentials (a kiosk signs in as its terminal, never with a person's password). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.devices;
