/**
 * For vendors of document cameras (高拍仪): a driver bundle registers a
 * {@link org.huijian.documents.spi.DocumentCamera} service per camera. Methods added later come with defaults, so
 * a driver written against 1.0 keeps working within 1.x.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.huijian.documents.spi;
