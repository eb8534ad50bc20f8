// placeholder: replaced by its owner
typedef int prebunk_placeholder_t;
