/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <adwaita.h>

#include "dramatis-details-private.h"

/* The pieces every page of the details pane is built from: labels,
 * avatars, rows that lead to other items, property rows, passages, and
 * the headings and sections that hold them.
 */

static const char *
actor_kind_to_icon_name (DramatisActorKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return "mark-location-symbolic";
    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
    case DRAMATIS_ACTOR_KIND_GROUP:
      return "system-users-symbolic";
    case DRAMATIS_ACTOR_KIND_PERSON:
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return "avatar-default-symbolic";
    }
}

GtkWidget *
dramatis_details_create_label (const char *text,
                               const char *css_class,
                               gboolean    selectable)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), LABEL_MIN_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Gives the wrapping labels in @widget, such as the title and subtitle an
 * AdwActionRow makes for itself, a minimum width in characters: the row
 * offers no other way to reach them.
 */
void
dramatis_details_narrow_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_width_chars (GTK_LABEL (widget)) < 0)
    gtk_label_set_width_chars (GTK_LABEL (widget), LABEL_MIN_CHARS);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dramatis_details_narrow_labels (child);
}

static GtkWidget *
create_avatar (const DramatisActor *actor,
               int                  size)
{
  gboolean person = actor != NULL && actor->kind == DRAMATIS_ACTOR_KIND_PERSON;
  GtkWidget *avatar = adw_avatar_new (size, actor ? dramatis_actor_get_label (actor) : NULL, person);
  g_autofree char *kind_class = g_strconcat ("actor-kind-",
                                             dramatis_actor_kind_to_string (actor ? actor->kind
                                                                                  : DRAMATIS_ACTOR_KIND_OTHER),
                                             NULL);

  gtk_widget_add_css_class (avatar, kind_class);

  /* Initials suit people; "UN" or "NK" for a state or a body would only
   * look like people.
   */
  if (!person)
    adw_avatar_set_icon_name (ADW_AVATAR (avatar),
                              actor_kind_to_icon_name (actor ? actor->kind : DRAMATIS_ACTOR_KIND_OTHER));

  return avatar;
}

static void
set_item (GObject          *object,
          DramatisItemKind  kind,
          guint             index)
{
  g_object_set_data (object, ITEM_KIND_KEY, GUINT_TO_POINTER (kind));
  g_object_set_data (object, ITEM_INDEX_KEY, GUINT_TO_POINTER (index));
}

/* A row that leads to another item: activating it emits ::item-selected. */
GtkWidget *
dramatis_details_create_item_row (const char       *title,
                                  const char       *subtitle,
                                  DramatisItemKind  kind,
                                  guint             index)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean resolved = index != DRAMATIS_NO_INDEX;

  /* Titles are story text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  dramatis_details_narrow_labels (row);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), resolved);
  if (resolved)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      set_item (G_OBJECT (row), kind, index);
    }

  return row;
}

GtkWidget *
dramatis_details_create_actor_row (DramatisDetails *self,
                                   guint            actor,
                                   const char      *actor_id,
                                   const char      *subtitle)
{
  const DramatisActor *data = NULL;
  GtkWidget *row;

  if (actor < dramatis_story_get_n_actors (self->story))
    data = dramatis_story_get_actor (self->story, actor);
  else
    actor = DRAMATIS_NO_INDEX;

  row = dramatis_details_create_item_row (dramatis_details_get_actor_name (self->story, actor, actor_id),
                                          subtitle, DRAMATIS_ITEM_ACTOR, actor);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_avatar (data, 32));

  return row;
}

/* A property of the item: a small caption over its value, like the rows of
 * a contact card, since the values here are long and would not fit beside
 * their names.
 */
GtkWidget *
dramatis_details_create_property_row (const char *name,
                                      const char *value,
                                      const char *note)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), dramatis_details_create_label (name, "caption", FALSE));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), dramatis_details_create_label (value, NULL, TRUE));

  if (note != NULL && note[0] != '\0')
    {
      GtkWidget *label = dramatis_details_create_label (note, "caption", TRUE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 3);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* A heading and a boxed list below it, like an AdwPreferencesGroup.  The
 * group is not used because it keeps widgets other than its own rows out of
 * its list, and statements need several lists under one heading.
 */
GtkWidget *
dramatis_details_add_section (DramatisDetails *self,
                              const char      *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = dramatis_details_create_label (title, "heading", FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (self->content, section);

  return section;
}

GtkWidget *
dramatis_details_add_section_list (DramatisDetails *self,
                                   const char      *title)
{
  GtkWidget *section = dramatis_details_add_section (self, title);
  GtkWidget *list = dramatis_details_create_list (self);

  gtk_box_append (GTK_BOX (section), list);

  return list;
}

/* A passage and, under it, a caption and a button at the end.  They are
 * stacked rather than side by side: in a narrow pane, and in languages
 * where the button's label is long, a caption beside it would be squeezed
 * into a column a word wide.
 */
GtkWidget *
dramatis_details_create_passage_row (GtkWidget  *passage,
                                     const char *caption,
                                     GtkWidget  *button)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 9);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), passage);

  if (caption != NULL || button != NULL)
    {
      GtkWidget *label = dramatis_details_create_label (caption, "caption", FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (footer), label);
      if (button != NULL)
        gtk_box_append (GTK_BOX (footer), button);
      gtk_box_append (GTK_BOX (box), footer);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* The name of the item in large type, with a line under it. */
void
dramatis_details_add_header (DramatisDetails     *self,
                             const DramatisActor *actor,
                             const char          *title,
                             const char          *subtitle)
{
  /* A grid rather than a horizontal box: GTK 4.8 measures the children of
   * a horizontal box width-for-height, which for a wrapped label is a
   * search over its widths, while a grid gives them their width first.
   */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  gtk_grid_set_column_spacing (GTK_GRID (box), 18);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (titles, TRUE);

  if (actor != NULL)
    gtk_grid_attach (GTK_GRID (box), create_avatar (actor, 64), 0, 0, 1, 1);

  label = dramatis_details_create_label (title, actor != NULL ? "title-1" : "title-2", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1,
                                  -1);
  gtk_box_append (GTK_BOX (titles), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = dramatis_details_create_label (subtitle, "dim-label", FALSE);
      gtk_box_append (GTK_BOX (titles), label);
    }

  gtk_grid_attach (GTK_GRID (box), titles, 1, 0, 1, 1);
  gtk_box_append (self->content, box);
}

void
dramatis_details_add_paragraph (DramatisDetails *self,
                                const char      *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  gtk_box_append (self->content, dramatis_details_create_label (text, "body", TRUE));
}
