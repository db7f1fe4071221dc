/** Start-up of Logback: text or JSON, from {@code config/logback.xml} or the copy inside the jar. */
package org.hth.hotline.ops.logging;
