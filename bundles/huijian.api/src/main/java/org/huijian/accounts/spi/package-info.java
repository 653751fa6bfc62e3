/** Where account records are kept; implemented by the store (or by a site's directory adapter). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.huijian.accounts.spi;
