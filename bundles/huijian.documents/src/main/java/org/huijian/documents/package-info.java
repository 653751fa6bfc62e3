/**
 * Document display (文书展示): a capture of a paper under the document camera goes in, a straight, cropped page
 * and the text Tesseract read on it come out. {@link org.huijian.documents.DocumentProcessor} is the service;
 * everything it returns is an immutable record.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.huijian.documents;
