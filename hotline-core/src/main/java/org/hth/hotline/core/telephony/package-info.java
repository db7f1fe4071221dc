/**
 * The Asterisk controller: the FastAGI {@code route} script that decides where each call rings, and the AMI
 * call tracker that follows each call and writes its record.
 */
package org.hth.hotline.core.telephony;
