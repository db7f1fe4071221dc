/**
 * The AMI side of the Asterisk controller: one supervised manager connection, and the call tracker that follows
 * every call by linkedid through Asterisk's events and writes one {@link org.hth.hotline.core.call.CallRecord} per call.
 */
package org.hth.hotline.core.telephony.ami;
