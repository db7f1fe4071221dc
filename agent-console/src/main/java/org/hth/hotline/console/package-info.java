/**
 * The console server: a Vert.x Web HTTP server for the operators' and coordinators' web app, its JSON
 * API under {@code /api}, and the routes other modules mount on it (health, metrics).
 */
package org.hth.hotline.console;
