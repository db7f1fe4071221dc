/** The {@code /health/live} and {@code /health/ready} routes and the health checks of the server's parts. */
package org.hth.hotline.ops.health;
