/**
 * The console's JSON API under /api: the one entry point (ConsoleApi) that ops mounts, request guards,
 * JSON bodies and query parameters, error answers and hand-off of blocking store calls to worker threads.
 */
package org.hth.hotline.console.api;
