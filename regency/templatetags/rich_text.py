"""``{% valid_elements "chapter" %}``: what an editor may emit, from regency.html's policy."""

from django import template

from regency.html import POLICIES
from regency.html import valid_elements as policy_elements

register = template.Library()


@register.simple_tag
def valid_elements(policy_name: str) -> str:
    return policy_elements(POLICIES[policy_name])
