/** {@code hotline user …}: console accounts made from the command line, passwords read from stdin. */
package org.hth.hotline.ops.users;
