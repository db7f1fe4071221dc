/**
 * The roster editor's API: read the roster in force, validate and save a new version (refused naming uncovered
 * hours), and preview who is on call hour by hour.
 */
package org.hth.hotline.console.roster;
