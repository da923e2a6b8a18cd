package org.lodestar.measures.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Forms given back as they were typed when the binder could not build them. */
final class AsTyped {

    private AsTyped() {}

    /**
     * A number field that held text leaves the binder without a form object to show the page with. The form is put
     * back as typed, with the binder's errors, which hold the refused text for the page to show at its field.
     */
    static BindingResult keep(String name, Object typed, BindingResult errors, Model model) {
        BeanPropertyBindingResult kept = new BeanPropertyBindingResult(typed, name);
        errors.getAllErrors().forEach(kept::addError);
        model.addAttribute(name, typed);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
        return kept;
    }
}
