/**
 * The static web app (plain ES modules, no bundler) served from {@code webroot/} on the classpath, with the
 * security headers every page gets.
 */
package org.hth.hotline.console.web;
