/**
 * Health of the server's parts (store, PBX connection, dispatcher), as reported at {@code /health/ready}
 * and in the start-up log.
 */
package org.hth.hotline.core.health;
