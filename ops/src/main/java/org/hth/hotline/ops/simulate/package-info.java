/**
 * {@code hotline simulate}: the Asterisk stand-in run from the command line against a running {@code hotline serve},
 * placing scenario calls over real FastAGI and serving the AMI events, with progress and a summary table.
 */
package org.hth.hotline.ops.simulate;
