// The work board's drag and drop: a card dropped on a column (above or below another card) is moved there with the
// same request as its own keyboard controls send, and the board comes back from the server in its new order. After a
// move, focus goes back to the moved card's control that was used, so a keyboard user can go on moving it.
(function () {
    var dragged = null;
    var lastKind = null;

    document.addEventListener('dragstart', function (event) {
        var card = event.target.closest && event.target.closest('[data-card]');
        if (!card) {
            return;
        }
        dragged = card;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', card.getAttribute('data-task'));
        card.classList.add('dragging');
    });

    document.addEventListener('dragend', function () {
        if (dragged) {
            dragged.classList.remove('dragging');
        }
        dragged = null;
    });

    document.addEventListener('dragover', function (event) {
        if (dragged && event.target.closest && event.target.closest('[data-column]')) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
        }
    });

    document.addEventListener('drop', function (event) {
        var column = event.target.closest && event.target.closest('[data-column]');
        if (!dragged || !column) {
            return;
        }
        event.preventDefault();
        var values = {
            task: dragged.getAttribute('data-task'),
            version: dragged.getAttribute('data-version'),
            to: column.getAttribute('data-column')
        };
        var target = event.target.closest('[data-card]');
        if (target && target !== dragged) {
            var box = target.getBoundingClientRect();
            values[event.clientY < box.top + box.height / 2 ? 'before' : 'after'] = target.getAttribute('data-task');
        }
        var filters = document.querySelector('[data-board-filters]');
        if (filters) {
            new FormData(filters).forEach(function (value, name) {
                values[name] = value;
            });
        }
        lastKind = null;
        htmx.ajax('POST', filters.getAttribute('action') + '/move', {target: '#board', swap: 'outerHTML', values: values});
        dragged = null;
    });

    document.addEventListener('submit', function (event) {
        var form = event.target.closest && event.target.closest('[data-move-kind]');
        lastKind = form ? form.getAttribute('data-move-kind') : null;
    }, true);

    document.addEventListener('htmx:afterSettle', function () {
        var moved = document.querySelector('[data-moved]');
        if (!moved) {
            return;
        }
        var control = lastKind && moved.querySelector('[data-move-kind="' + lastKind + '"] button');
        (control || moved).focus();
    });
})();
