/** The simulated signature pad (internal: the bundle exports nothing). */
package org.huijian.driver.simpad.internal;
