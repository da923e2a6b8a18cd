package org.lodestar.shared;

/**
 * Something asked for does not exist in the caller's district. Items of other districts are reported the same way,
 * so that nobody learns whether they exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
