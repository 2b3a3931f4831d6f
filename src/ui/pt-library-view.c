/* pt-library-view.c: the scenario library as a sidebar page
 *
 * The user's own scenarios ("My scenarios") and the built-in ones in one
 * list, filtered as you type with pt_scenario_matches() and by a tag.
 * Activating a row loads a copy of the scenario's visit into the window's
 * workspace (or into a new window when this one has unsaved changes), so the
 * library's own scenario never changes. The library.* actions, the user's
 * library file, quiz mode and presentation are in pt-library-view-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-library-view-private.h"

G_DEFINE_FINAL_TYPE (PtLibraryView, pt_library_view, GTK_TYPE_WIDGET)

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *mine = gtk_label_new (_("Mine"));
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *codes = gtk_label_new (NULL);
  GtkWidget *tags = gtk_flow_box_new ();

  gtk_widget_add_css_class (box, "scenario-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "scenario-title");
  gtk_widget_set_valign (mine, GTK_ALIGN_START);
  gtk_widget_add_css_class (mine, "scenario-mine");
  gtk_widget_set_tooltip_text (mine, _("One of My scenarios: you can rename or delete it"));
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), mine);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_lines (GTK_LABEL (summary), 3);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "scenario-summary");

  gtk_label_set_xalign (GTK_LABEL (codes), 0);
  gtk_widget_add_css_class (codes, "scenario-codes");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (tags), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (tags), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (tags), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (tags), 4);
  gtk_widget_set_can_target (tags, FALSE);
  gtk_widget_set_focusable (tags, FALSE);
  gtk_widget_add_css_class (tags, "scenario-tags");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), codes);
  gtk_box_append (GTK_BOX (box), tags);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  PtScenario *scenario = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *mine = gtk_widget_get_next_sibling (title);
  GtkWidget *summary = gtk_widget_get_next_sibling (top);
  GtkWidget *codes = gtk_widget_get_next_sibling (summary);
  GtkWidget *tags = gtk_widget_get_next_sibling (codes);
  const char * const *tag_list = pt_scenario_get_tags (scenario);
  const char *summary_text = pt_scenario_get_summary (scenario);
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (title), pt_scenario_get_title (scenario));
  gtk_widget_set_visible (mine, !pt_scenario_get_builtin (scenario));
  gtk_label_set_text (GTK_LABEL (summary), summary_text);
  gtk_widget_set_visible (summary, *summary_text != '\0');
  gtk_label_set_text (GTK_LABEL (codes), pt_scenario_get_codes (scenario));

  while ((child = gtk_widget_get_first_child (tags)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (tags), child);
  for (guint i = 0; tag_list[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_label_new (pt_scenario_tag_label (tag_list[i]));

      gtk_widget_set_halign (chip, GTK_ALIGN_START);
      gtk_widget_add_css_class (chip, "scenario-tag");
      gtk_flow_box_append (GTK_FLOW_BOX (tags), chip);
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
  gtk_widget_set_visible (tags, tag_list[0] != NULL);
}

/* Filtering */

static gboolean
filter_scenario (gpointer item,
                 gpointer data)
{
  PtLibraryView *self = data;

  return pt_scenario_matches (item, self->query, self->tag);
}

static void
update_empty_state (PtLibraryView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->builtin)) +
              g_list_model_get_n_items (G_LIST_MODEL (self->user));
  g_autofree char *count = NULL;

  if (shown == all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scenario", "%u scenarios", all), all);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u scenario", "%u of %u scenarios", all),
                             shown, all);
  gtk_label_set_text (self->count_label, count);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (*self->query != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("No scenario matches “%s”"), self->query);

      gtk_label_set_text (self->empty_label, text);
      gtk_label_set_text (self->empty_hint,
                          *self->tag != '\0'
                          ? _("Try fewer words, a code such as 97112, or choose “All tags” to search every scenario.")
                          : _("Search looks in titles, summaries, codes and tags. Try fewer words or a code such as 97112."));
    }
  else
    {
      gtk_label_set_text (self->empty_label, _("No scenario has this tag"));
      gtk_label_set_text (self->empty_hint, _("Choose “All tags” to see every scenario."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
on_search_changed (PtLibraryView  *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *old = g_steal_pointer (&self->query);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->query = g_strstrip (g_strdup (text));
  if (g_strcmp0 (old, self->query) == 0)
    return;

  /* Typing on at the end of the query can only narrow the list (every word
   * must be found, and a longer word is found in fewer places); deleting from
   * the end can only widen it. The filter model then rechecks fewer rows. */
  if (g_str_has_prefix (self->query, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old, self->query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_tag_selected (PtLibraryView *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);
  const char *tag = selected < self->tag_ids->len ? g_ptr_array_index (self->tag_ids, selected) : "";

  if (g_strcmp0 (tag, self->tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_tags (GPtrArray         *ids,
          GHashTable        *seen,
          PtScenarioLibrary *library)
{
  g_auto(GStrv) tags = pt_scenario_library_dup_tags (library);

  /* @seen borrows the copies @ids owns: @tags is freed on return. */
  for (guint i = 0; tags[i] != NULL; i++)
    if (!g_hash_table_contains (seen, tags[i]))
      {
        char *copy = g_strdup (tags[i]);

        g_ptr_array_add (ids, copy);
        g_hash_table_add (seen, copy);
      }
}

/* The tag chooser: "All tags", the built-in library's tags in their
 * documented order, then any new ones of the user's scenarios. The chosen
 * tag stays chosen while it is still in use. */
void
pt_library_view_rebuild_tags (PtLibraryView *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_ptr_array_add (ids, g_strdup (""));
  add_tags (ids, seen, self->builtin);
  add_tags (ids, seen, self->user);

  if (self->tag_ids != NULL && self->tag_ids->len == ids->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < ids->len; i++)
        same = g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (self->tag_ids, i)) == 0;
      if (same)
        return;
    }

  g_strv_builder_add (labels, _("All tags"));
  for (guint i = 1; i < ids->len; i++)
    {
      g_strv_builder_add (labels, pt_scenario_tag_label (g_ptr_array_index (ids, i)));
      if (g_strcmp0 (g_ptr_array_index (ids, i), self->tag) == 0)
        selected = i;
    }
  strv = g_strv_builder_end (labels);

  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);
  self->tag_ids = g_steal_pointer (&ids);
  g_clear_object (&self->tag_labels);
  self->tag_labels = gtk_string_list_new ((const char * const *) strv);

  g_signal_handlers_block_by_func (self->tag_dropdown, on_tag_selected, self);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_labels));
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->tag_dropdown, on_tag_selected, self);
  on_tag_selected (self);
}

void
pt_library_view_show_problem (PtLibraryView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->user_problem != NULL);
  if (self->user_problem != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("My scenarios could not be read, so they are not shown and cannot be changed until the file is fixed or moved away. The file was left as it is.\n%s"),
                                               self->user_problem);

      gtk_label_set_text (self->problem_label, text);
    }
}

/* Opening */

/* Remembers which scenario the workspace's visit is a copy of. */
void
pt_library_view_set_current (PtLibraryView *self,
                             PtScenario    *scenario,
                             PtVisit       *visit)
{
  g_set_object (&self->current, scenario);
  if (scenario == NULL)
    visit = NULL;
  g_set_object (&self->current_visit, visit);
  pt_library_view_update_teaching (self);
  pt_library_view_update_actions (self);
}

static void
on_workspace_visit (PtLibraryView *self)
{
  /* New, Open, a restored draft: the editor no longer holds the scenario. */
  if (self->current != NULL && pt_workspace_get_visit (self->workspace) != self->current_visit)
    pt_library_view_set_current (self, NULL, NULL);
}

PtLibraryView *
pt_library_view_from_window (PtWindow *window)
{
  GtkWidget *page;

  pt_window_ensure_panes (window);
  page = gtk_stack_get_child_by_name (window->sidebar_stack, "library");

  return PT_IS_LIBRARY_VIEW (page) ? PT_LIBRARY_VIEW (page) : NULL;
}

/* Loads a copy of @scenario's visit, titled like the scenario. Unsaved work
 * is never replaced: the copy then opens in a new window, as win.open does. */
void
pt_library_view_open_scenario (PtLibraryView *self,
                               PtScenario    *scenario)
{
  g_autoptr(PtVisit) copy = NULL;
  PtLibraryView *target = self;

  g_return_if_fail (PT_IS_LIBRARY_VIEW (self));
  g_return_if_fail (PT_IS_SCENARIO (scenario));

  copy = pt_visit_copy (pt_scenario_get_visit (scenario));
  pt_visit_set_title (copy, pt_scenario_get_title (scenario));

  if (pt_workspace_get_dirty (self->workspace))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
      PtWindow *window = pt_window_new (PT_APPLICATION (app));

      target = pt_library_view_from_window (window);
      gtk_window_present (GTK_WINDOW (window));
      if (target == NULL)
        {
          pt_workspace_load_visit (pt_window_get_workspace (window), copy, NULL);
          return;
        }
    }

  g_set_object (&target->current_visit, copy);
  pt_workspace_load_visit (target->workspace, copy, NULL);
  /* The window's title follows the display name, which loading a visit
   * without a file does not announce. */
  g_object_notify (G_OBJECT (target->workspace), "display-name");
  pt_library_view_set_current (target, scenario, copy);
}

static void
on_activate (PtLibraryView *self,
             guint          position)
{
  g_autoptr(PtScenario) scenario = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (scenario != NULL)
    pt_library_view_open_scenario (self, scenario);
}

/* The scenario after the open one in the list as it is filtered now (the
 * first when the open one is not in it), for the quiz's "Next scenario". */
gboolean
pt_library_view_open_next (PtLibraryView *self)
{
  GListModel *model = G_LIST_MODEL (self->results);
  guint n = g_list_model_get_n_items (model);
  guint next = 0;
  g_autoptr(PtScenario) scenario = NULL;

  if (n == 0)
    return FALSE;

  for (guint i = 0; self->current != NULL && i < n; i++)
    {
      g_autoptr(PtScenario) item = g_list_model_get_item (model, i);

      if (item == self->current)
        {
          next = (i + 1) % n;
          break;
        }
    }

  scenario = g_list_model_get_item (model, next);
  gtk_single_selection_set_selected (self->selection, next);
  pt_library_view_open_scenario (self, scenario);

  return TRUE;
}

/* A list view redraws its rows on every change of the model, which makes
 * adding thousands of scenarios one by one slow: while @frozen, the view is
 * not attached to its model. */
void
pt_library_view_freeze_list (PtLibraryView *self,
                             gboolean       frozen)
{
  gtk_list_view_set_model (self->list_view, frozen ? NULL : GTK_SELECTION_MODEL (self->selection));
}

/* Selects @scenario's row and scrolls to it, when the filter shows it. */
void
pt_library_view_reveal (PtLibraryView *self,
                        PtScenario    *scenario)
{
  GListModel *model = G_LIST_MODEL (self->results);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PtScenario) item = g_list_model_get_item (model, i);

      if (item == scenario)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
dismiss_undo_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  pt_library_view_clear_undo (PT_LIBRARY_VIEW (widget));
}

/* GObject */

static void
pt_library_view_dispose (GObject *object)
{
  PtLibraryView *self = (PtLibraryView *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->undo_source, g_source_remove);
  g_clear_handle_id (&self->tags_source, g_source_remove);
  if (self->user != NULL)
    g_signal_handlers_disconnect_by_data (self->user, self);
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_LIBRARY_VIEW);
  /* The template's unnamed top box is not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_object (&self->tag_labels);
  g_clear_object (&self->builtin);
  g_clear_object (&self->user);
  g_clear_object (&self->current);
  g_clear_object (&self->current_visit);
  g_clear_object (&self->deleted);
  g_clear_object (&self->actions);
  g_clear_object (&self->quiz_panel);
  g_clear_object (&self->units_panel);

  G_OBJECT_CLASS (pt_library_view_parent_class)->dispose (object);
}

static void
pt_library_view_finalize (GObject *object)
{
  PtLibraryView *self = (PtLibraryView *) object;

  g_clear_pointer (&self->tag_ids, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->user_problem, g_free);

  G_OBJECT_CLASS (pt_library_view_parent_class)->finalize (object);
}

static void
pt_library_view_class_init (PtLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_library_view_dispose;
  object_class->finalize = pt_library_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, quiz_toggle);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, undo_label);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, empty_hint);
  gtk_widget_class_bind_template_child (widget_class, PtLibraryView, count_label);

  gtk_widget_class_install_action (widget_class, "libview.dismiss-undo", NULL, dismiss_undo_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "libraryview");
}

static void
pt_library_view_init (PtLibraryView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->tag = g_strdup ("");

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (on_tag_selected), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate), self);
}

static gboolean
rebuild_tags_idle (gpointer data)
{
  PtLibraryView *self = data;

  self->tags_source = 0;
  pt_library_view_rebuild_tags (self);

  return G_SOURCE_REMOVE;
}

/* Once after a burst of changes: an import adds its scenarios one by one. */
static void
queue_rebuild_tags (PtLibraryView *self)
{
  if (self->tags_source == 0)
    self->tags_source = g_idle_add (rebuild_tags_idle, self);
}

/* The list: My scenarios first, then the built-in ones. */
static void
build_model (PtLibraryView *self)
{
  GListStore *sources = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *all;

  g_list_store_append (sources, self->user);
  g_list_store_append (sources, self->builtin);
  all = gtk_flatten_list_model_new (G_LIST_MODEL (sources));

  self->filter = gtk_custom_filter_new (filter_scenario, self, NULL);
  self->results = gtk_filter_list_model_new (G_LIST_MODEL (all), GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->results, "items-changed", G_CALLBACK (update_empty_state), self);
  g_signal_connect_swapped (self->user, "items-changed", G_CALLBACK (queue_rebuild_tags), self);
}

PtLibraryView *
pt_library_view_new (PtWindow *window)
{
  PtLibraryView *self;

  g_return_val_if_fail (PT_IS_WINDOW (window), NULL);

  self = g_object_new (PT_TYPE_LIBRARY_VIEW, NULL);
  self->window = window;
  self->workspace = window->workspace;
  self->settings = window->settings;

  pt_library_view_load_libraries (self);
  build_model (self);
  pt_library_view_rebuild_tags (self);
  pt_library_view_show_problem (self);
  update_empty_state (self);

  g_signal_connect_object (self->workspace, "notify::visit", G_CALLBACK (on_workspace_visit), self,
                           G_CONNECT_SWAPPED);
  pt_library_view_install_actions (self);

  return self;
}

PtScenarioLibrary *
pt_library_view_get_builtin (PtLibraryView *self)
{
  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), NULL);

  return self->builtin;
}

PtScenarioLibrary *
pt_library_view_get_user_library (PtLibraryView *self)
{
  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), NULL);

  return self->user;
}

/* The scenarios the search and the tag let through, in list order. */
GListModel *
pt_library_view_get_results (PtLibraryView *self)
{
  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/* The scenario whose copy the editor holds, or NULL. */
PtScenario *
pt_library_view_get_current (PtLibraryView *self)
{
  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), NULL);

  return self->current;
}
