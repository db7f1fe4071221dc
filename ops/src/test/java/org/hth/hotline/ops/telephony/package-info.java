/**
 * End-to-end tests of the telephony: a real server on a temporary store, the Asterisk stand-in placing calls to
 * its FastAGI port and serving the AMI its call tracker follows; the call records and tickets are checked.
 */
package org.hth.hotline.ops.telephony;
