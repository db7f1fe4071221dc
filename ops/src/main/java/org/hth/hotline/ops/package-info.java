/**
 * The runnable server and its command line ({@code hotline serve}, {@code check-config}, {@code user add}):
 * the one place where the modules are wired together.
 */
package org.hth.hotline.ops;
